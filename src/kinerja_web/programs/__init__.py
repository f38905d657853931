"""Programs, clusters, enterprises and their workers."""
