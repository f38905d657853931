"""Pages of frameworks: thin views that validate and call one service or selector."""
