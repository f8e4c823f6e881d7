"""The digital door: queues per service desk, guests from the browser, and the staff who admit, talk to,
hand over and end visits."""
