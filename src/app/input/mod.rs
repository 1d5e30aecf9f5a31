//! Keys and the mouse become actions: every bindable action (`action`), a
//! key press as the keymap sees it (`key`), the keymap (`keymap`) and mouse
//! clicks and the wheel (`mouse`).

pub mod action;
pub mod key;
pub mod keymap;
pub mod mouse;
