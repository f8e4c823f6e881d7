"""Who works where: the organisation file (organisations, buildings, rooms, staff, desks, launchers,
each organisation's colour and logo), the visibility rules between organisations, and staff portraits.

A directory sync (LDAP) later plugs in here: it produces the same ``OrgFile`` staff entries and the
same ``Directory`` that the rest of the backend reads.
"""
