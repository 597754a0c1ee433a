"""claimdesk's terminal reader and command line."""
