"""The demo: Landkreis Musterkreis and Gemeinde Musterhausen, and their simulated colleagues."""
