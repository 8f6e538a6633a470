"""Floor 3: the only code that writes files (build, read) and the notebook display."""
