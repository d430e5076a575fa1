"""Reading a folder of articles: one Document per ``*.txt`` file, decoded and normalised, never dropped."""
