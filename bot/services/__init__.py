"""Use cases. Each public method is one transaction and checks the actor's rights first."""
