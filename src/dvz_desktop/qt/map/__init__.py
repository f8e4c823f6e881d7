"""The 2D office map: one QGraphicsScene per floor, drawn from the layout, with live avatars."""
