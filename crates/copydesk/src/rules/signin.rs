//! The lines of a sign-in or sign-up dialog, as data for [`crate::textmode::signin`]: the
//! password field's label, and the account controls printed beside it. Matched against the
//! whole line, ASCII case folded, without a trailing `*` or `:` (a required field's mark).

/// A password field's label: the one line no other form prints.
pub const PASSWORD_LABELS: &[&str] = &[
    "password",
    "your password",
    "enter password",
    "enter your password",
    "new password",
    "confirm password",
    "confirm new password",
    "re-enter password",
    "password (required)",
    "passwort",
    "kennwort",
    "passwort wiederholen",
    "mot de passe",
    "confirmer le mot de passe",
    "contraseña",
    "confirmar contraseña",
    "senha",
    "confirmar senha",
    "пароль",
    "密码",
    "パスワード",
    "كلمة المرور",
];

/// The account controls that stand around a password field: its partner fields, the
/// "forgot" link, the "remember me" box and the dialog's buttons.
pub const ACCOUNT_CONTROLS: &[&str] = &[
    // en
    "forgot password?",
    "forgot password",
    "forgot your password?",
    "forgot your password",
    "forgotten your password?",
    "lost your password?",
    "reset password",
    "reset your password",
    "remember me",
    "keep me signed in",
    "stay signed in",
    "keep me logged in",
    "show hide",
    "show password",
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "username",
    "user name",
    "username or email",
    "username or email address",
    "username or e-mail",
    "sign in",
    "log in",
    "login",
    "sign up",
    "register",
    "create account",
    "create an account",
    "create password",
    // de
    "passwort vergessen?",
    "passwort vergessen",
    "angemeldet bleiben",
    "benutzername",
    "e-mail-adresse",
    "anmelden",
    "einloggen",
    "registrieren",
    "konto erstellen",
    // fr
    "mot de passe oublié ?",
    "mot de passe oublié?",
    "mot de passe oublié",
    "se souvenir de moi",
    "nom d'utilisateur",
    "adresse e-mail",
    "se connecter",
    "connexion",
    "créer un compte",
    // es
    "¿olvidaste tu contraseña?",
    "¿olvidó su contraseña?",
    "recordarme",
    "usuario",
    "correo electrónico",
    "iniciar sesión",
    "crear cuenta",
    // pt
    "esqueceu sua senha?",
    "esqueceu a senha?",
    "lembrar de mim",
    "entrar",
    "criar conta",
    // it
    "password dimenticata?",
    "ricordami",
    "accedi",
    "registrati",
    // ru
    "забыли пароль?",
    "запомнить меня",
    "войти",
    "регистрация",
    // zh, ja, ar
    "忘记密码",
    "登录",
    "注册",
    "パスワードをお忘れですか？",
    "ログイン",
    "نسيت كلمة المرور؟",
    "تسجيل الدخول",
];

/// A dialog line is at most this long in bytes (a label or a button).
pub const MAX_DIALOG_LINE_BYTES: usize = 48;

/// How far (in lines) an account control may stand from the password field, and how far the
/// dialog's other lines reach beyond its first and last control: a log-in box, a sign-up
/// box and a password reset box are each a dozen lines, shown one under the other.
pub const DIALOG_REACH: usize = 8;

/// A line of the dialog has at most this many words (a prompt, "Not sure if you have an
/// account? Enter your email and we'll check for you."); a longer line is the page's.
pub const MAX_DIALOG_WORDS: usize = 12;
