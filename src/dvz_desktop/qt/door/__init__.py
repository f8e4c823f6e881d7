"""The digital door in the desktop: queues of my desks and the visit with a guest."""
