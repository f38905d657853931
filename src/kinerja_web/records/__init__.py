"""Daily records of an enterprise: attendance, operating hours, production, sales."""
