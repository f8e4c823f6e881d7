"""The one error of the directory: the organisation file (or something it names) cannot be used."""


class OrgFileError(Exception):
    """The organisation file cannot be used; the message says why, in German."""
