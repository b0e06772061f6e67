"""Extractors: one per source, each turning a raw source record into an `Extraction`."""
