"""Pages of performance: thin views that validate and call one service or selector."""
