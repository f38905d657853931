"""Pages of records: thin views that validate and call one service or selector."""
