"""Office behaviour: doors and office hours, walking in and knocking, invitations, quick questions,
absences with deputies, the coffee flag."""
