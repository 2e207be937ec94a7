"""The command line: one module per command; options in, a pipeline call, a printed result.

The only stage that imports click and rich.
"""
