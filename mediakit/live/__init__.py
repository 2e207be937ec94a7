"""The only package that talks to the network; only explicit commands call it.

A build never does: it reads files the creator has (and commits), so it stays offline,
deterministic and quick. Commands such as ``mediakit thumbnails`` fetch what a build will read.
"""
