"""Word lists written for Cardwright's synthetic PII corpus (composed by hand for this
project; not taken from Presidio, presidio-research, Faker or any other generator)."""
