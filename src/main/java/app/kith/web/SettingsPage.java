package app.kith.web;

/** The model of the Settings page: the profile form, the change-password form and what was just saved (if anything). */
public record SettingsPage(Layout layout, String username, ProfileForm profile, PasswordForm password, String notice) {
}
