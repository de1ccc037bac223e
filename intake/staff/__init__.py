"""Staff side: sign-in, unlocking the data, and (later) assisted entry and administration."""
