"""Models of performance: every table carries its enterprise (or program), see ../README.md."""
