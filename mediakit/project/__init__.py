"""The project on disk: its folders, the profile and page headers it holds, and their limits.

The lowest stage: everything else may import it, it imports only ``mediakit.errors``. A new
project's files (``mediakit init``) are in ``scaffold/``.
"""
