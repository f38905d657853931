"""Models of records: every table carries its enterprise (or program), see ../README.md."""
