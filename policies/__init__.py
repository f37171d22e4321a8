"""The district policy as data: load, validate, classify, judge locations and legal bases."""
