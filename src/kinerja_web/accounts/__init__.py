"""People and access: roles in programs, facilitator assignments, passwords."""
