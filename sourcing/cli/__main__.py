"""`python -m sourcing.cli`, as the tests and benchmarks start the command."""

from sourcing.cli import main

main()
