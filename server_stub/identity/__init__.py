"""Who may sign in, and as whom: the organisation's identity provider (OIDC), its directory (LDAP/AD), roles."""
