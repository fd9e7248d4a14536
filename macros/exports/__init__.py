"""The plan's downloadable data files, built from the model at build time."""
