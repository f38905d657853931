"""Models of frameworks: every table carries its enterprise (or program), see ../README.md."""
