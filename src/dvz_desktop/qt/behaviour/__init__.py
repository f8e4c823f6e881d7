"""Office behaviour in the window: banners, door menus, dialogs."""
