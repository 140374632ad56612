//! The names strata's own parts of the app define, whatever the resources: exports by module,
//! the fixed locals of the per-resource templates, and the OpenAPI components of auth and health.
//! `tests/registry.rs` renders apps and checks these lists against what the files declare.

/// Which part of the app a built-in name belongs to: auth's parts are there only with auth on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Core,
    Auth,
}

/// Every name exported by a module strata writes once per app, by module.
#[rustfmt::skip]
pub const EXPORTS: &[(&str, Part, &[&str])] = &[
    ("src/app/(auth)/login/actions.ts", Part::Auth, &["loginAction"]),
    ("src/app/(auth)/register/actions.ts", Part::Auth, &["registerAction"]),
    ("src/app/dashboard/actions.ts", Part::Auth, &["changePasswordAction", "logoutAction"]),
    ("src/app/session.ts", Part::Auth, &["currentCaller", "currentUser"]),
    ("src/components/features/delete-form.tsx", Part::Core, &["DeleteForm"]),
    ("src/components/features/flash.tsx", Part::Core, &["Flash"]),
    ("src/components/features/list-controls.tsx", Part::Core, &["EmptyState", "Pagination", "SortableHead"]),
    ("src/components/features/login-form.tsx", Part::Auth, &["LoginForm"]),
    ("src/components/features/password-form.tsx", Part::Auth, &["PasswordForm"]),
    ("src/components/features/provider-sign-in.tsx", Part::Auth, &["ProviderSignIn"]),
    ("src/components/features/register-form.tsx", Part::Auth, &["RegisterForm"]),
    ("src/components/layout/page-header.tsx", Part::Core, &["PageHeader"]),
    ("src/components/layout/site-header.tsx", Part::Core, &["SiteHeader"]),
    ("src/components/ui", Part::Core, &[
        "Alert", "AlertDescription", "AlertTitle", "Badge", "BooleanValue", "Button", "Card",
        "CardContent", "CardDescription", "CardFooter", "CardHeader", "CardTitle", "Checkbox",
        "DateTimeInput", "DateTimeValue", "DateValue", "EmptyValue", "EnumValue", "Field",
        "FieldDescription", "FieldError", "FieldLabel", "FormMessage", "Input", "JsonValue",
        "Label", "ListValue", "NativeSelect", "NativeSelectOption", "RowLink", "Table", "TableBody",
        "TableCaption", "TableCell", "TableHead", "TableHeader", "TableRow", "Textarea",
        "badgeVariants", "buttonVariants",
    ]),
    ("src/dal/accounts/account.dal.ts", Part::Auth, &["findUserByAccount", "insertUserWithAccount"]),
    ("src/dal/accounts/account.types.ts", Part::Auth, &["AccountUser", "NewAccount"]),
    ("src/dal/auth-attempts/auth-attempt.dal.ts", Part::Auth, &["countAuthAttempts", "deleteAuthAttempts", "insertAuthAttempt"]),
    ("src/dal/auth-attempts/auth-attempt.types.ts", Part::Auth, &["AttemptCount", "AttemptKey", "AuthAction", "NewAuthAttempt"]),
    ("src/dal/cursor.ts", Part::Core, &["CursorPayload", "SortKey", "decodeCursor", "invalidCursor", "isDescending", "sortField", "toPage"]),
    ("src/dal/health/health.dal.ts", Part::Core, &["pingDatabase"]),
    ("src/dal/pagination.ts", Part::Core, &["SortKind", "afterCursor", "equalsIfSet", "orderBy"]),
    ("src/dal/sessions/session.dal.ts", Part::Auth, &[
        "findActiveSessionById", "findActiveSessionByRefreshTokenHash", "findActiveSessionByTokenHash",
        "findSessionByPreviousRefreshTokenHash", "insertSession", "renewSession", "revokeSessionById",
        "revokeSessionsOfUser", "rotateSessionRefreshToken",
    ]),
    ("src/dal/sessions/session.types.ts", Part::Auth, &["NewSession", "Session"]),
    ("src/dal/users/user.dal.ts", Part::Auth, &[
        "findUserByEmail", "findUserById", "findUserCredentialsByEmail", "findUserCredentialsById",
        "insertUser", "updateUserPasswordHash", "updateUserRoleByEmail", "userExists",
    ]),
    ("src/dal/users/user.types.ts", Part::Auth, &["NewUser", "User", "UserCredentials"]),
    ("src/dal/values.ts", Part::Core, &["bigintNumber", "dateText", "dateValue", "decimalText", "jsonInput", "jsonUpdate", "nullableJsonInput"]),
    ("src/db/errors.ts", Part::Core, &["databaseErrorCode"]),
    ("src/db/migrate.ts", Part::Core, &["migratePglite", "migratePostgres"]),
    ("src/db/schema/account.ts", Part::Auth, &["accounts"]),
    ("src/db/schema/auth-attempt.ts", Part::Auth, &["authAttempts"]),
    ("src/db/schema/session.ts", Part::Auth, &["sessions"]),
    ("src/db/schema/user.ts", Part::Auth, &["userRole", "users"]),
    ("src/instrumentation.ts", Part::Core, &["register"]),
    ("src/lib/db.ts", Part::Core, &["Database", "getDb"]),
    ("src/lib/errors.ts", Part::Core, &[
        "BadRequestError", "ConfigurationError", "ConflictError", "ErrorIssue", "ForbiddenError",
        "NotFoundError", "OAuthError", "OAuthFailure", "PayloadTooLargeError", "RateLimitError",
        "ServiceError", "ServiceUnavailableError", "UnauthorizedError", "UnsupportedMediaTypeError",
        "ValidationError", "isDatabaseUnavailable", "referenceNotFound", "translateDatabaseError",
    ]),
    ("src/lib/forms.ts", Part::Core, &[
        "formFailure", "readBoolean", "readBooleanList", "readDateTime", "readJson", "readNumber",
        "readNumberList", "readText", "readTextList",
    ]),
    ("src/lib/http.ts", Part::Core, &[
        "MAX_BODY_BYTES", "Problem", "clearAuthCookies", "clientIp", "errorResponse", "isSameOriginRequest",
        "parseId", "parseJson", "parseQuery", "problem", "readAccessToken", "readRefreshToken", "seeOther",
        "setAuthCookies", "tokenResponse",
    ]),
    ("src/lib/list-params.ts", Part::Core, &["ListState", "listHref", "nextHref", "previousHref", "readListState", "sortHref", "sortOrder"]),
    ("src/lib/oauth/github.ts", Part::Auth, &["github", "githubProfileOf"]),
    ("src/lib/oauth/google.ts", Part::Auth, &["google"]),
    ("src/lib/oauth/index.ts", Part::Auth, &[
        "OAUTH_STATE_COOKIE", "OAUTH_STATE_TTL_SECONDS", "OAuthState", "ProviderId", "assertAppOrigin",
        "callbackUrl", "configuredProviders", "createAuthorizationRequest", "decodeOAuthState",
        "encodeOAuthState", "exchangeCode", "findConfiguredProvider", "oauthStateCookieOptions",
    ]),
    ("src/lib/oauth/oidc.ts", Part::Auth, &["oidc"]),
    ("src/lib/oauth/provider.ts", Part::Auth, &["Credentials", "Provider", "ProviderProfile", "ProviderTokens", "allowsPlainHttp", "credentialsFromEnv", "openIdProvider"]),
    ("src/lib/pages.ts", Part::Core, &["loadForPage", "loadIfAllowed"]),
    ("src/lib/utils.ts", Part::Core, &["cn"]),
    ("src/lib/utils/auth.ts", Part::Auth, &[
        "ACCESS_TOKEN_COOKIE", "ACCESS_TOKEN_TTL_SECONDS", "AccessTokenClaims", "COOKIE_PREFIX", "CookieOptions",
        "REFRESH_TOKEN_COOKIE", "SESSION_ABSOLUTE_TIMEOUT_SECONDS", "SESSION_COOKIE", "SESSION_IDLE_TIMEOUT_SECONDS",
        "SESSION_RENEWAL_INTERVAL_SECONDS", "SESSION_TTL_SECONDS", "accessTokenCookieOptions", "assertAuthSecret",
        "cookieOptions", "expiredCookieOptions", "refreshTokenCookieOptions", "sessionCookieOptions",
        "signAccessToken", "verifyAccessToken",
    ]),
    ("src/lib/utils/common-passwords.ts", Part::Auth, &["commonPasswords"]),
    ("src/lib/utils/hash.ts", Part::Auth, &["generateToken", "hashPassword", "hashToken", "verifyDummyPassword", "verifyPassword"]),
    ("src/proxy.ts", Part::Core, &["config", "proxy"]),
    ("src/schemas/auth.schema.ts", Part::Auth, &[
        "ChangePasswordInput", "LoginInput", "PASSWORD_MAX_LENGTH", "PASSWORD_MIN_LENGTH", "RegisterInput",
        "SetRoleInput", "changePasswordSchema", "loginSchema", "registerSchema", "setRoleSchema",
    ]),
    ("src/schemas/common.ts", Part::Core, &[
        "JsonValue", "booleanQuery", "cursorSchema", "dateSchema", "dateTimeSchema", "decimalSchema",
        "emailSchema", "int32Query", "jsonValueSchema", "limitSchema", "numberQuery", "presentJsonValueSchema",
        "safeIntegerQuery", "textSchema", "urlSchema", "uuidSchema",
    ]),
    ("src/services/access.ts", Part::Auth, &["AccessScope", "authorize", "requireCaller", "scopeOf"]),
    ("src/services/auth.service.ts", Part::Auth, &[
        "AuthTokens", "ClientContext", "LoginContext", "authenticateRefreshToken", "authenticateToken",
        "changePassword", "getCurrentUser", "loginUser", "logoutUser", "refreshSession", "registerUser",
        "setUserRole", "signIn",
    ]),
    ("src/services/health.service.ts", Part::Core, &["Health", "checkLiveness", "checkReadiness"]),
    ("src/services/oauth.service.ts", Part::Auth, &["ProviderCallback", "finishProviderSignIn", "startProviderSignIn"]),
    ("src/services/rate-limit.ts", Part::Auth, &["LOGIN_PER_ACCOUNT", "LOGIN_PER_ADDRESS", "REGISTER_PER_ADDRESS", "assertUnderLimit", "clearAccountFailures", "recordAttempt"]),
    ("src/types/index.ts", Part::Core, &[
        "AccessLevel", "AccessRule", "AuthFormState", "Caller", "Choices", "FormState", "FormValues",
        "Paginated", "PasswordFormState", "ResourceAccess", "Role",
    ]),
    ("tests/database.ts", Part::Core, &["resetDatabase", "storedAccounts", "storedSessions", "storedUsers", "updateSessions"]),
    ("tests/helpers.ts", Part::Core, &[
        "MISSING_ID", "PASSWORD", "ProblemBody", "RequestOptions", "TestUser", "apiRequest", "cookieValue",
        "formOf", "pick", "readProblem", "routeParams", "setCookies", "signUp", "uniqueEmail",
    ]),
    ("tests/oauth-provider.ts", Part::Auth, &["FakeProvider", "ProviderPerson"]),
    ("tests/request.ts", Part::Core, &["request"]),
    ("tests/worker-database.ts", Part::Core, &["chooseWorkerDatabase"]),
    ("tests/write-log.ts", Part::Core, &["SqlRunner", "writeLogReset"]),
];

/// Names the per-resource templates declare themselves (locals, parameters, module-level helpers
/// and types), which any name imported beside them must not shadow.
#[rustfmt::skip]
pub const TEMPLATE_LOCALS: &[&str] = &[
    "CallerName", "Case", "ChoiceField", "Context", "NOT_FOUND", "PRIVATE_KEYS", "PUBLIC_KEYS",
    "Props", "&[", "&str]", "=", "action", "actor", "ascending", "badId", "badQueries", "body",
    "byField", "call", "caller", "cases", "changes", "checked", "choices", "count", "create",
    "created", "crossSite", "current", "dangling", "db", "defaults", "deleted", "descending",
    "describedBy", "empty", "filterKeys", "filtered", "first", "foreign", "form", "formAction",
    "found", "gone", "headers", "id", "ids", "input", "invalid", "key", "list", "listed", "loaded",
    "malformed", "missing", "n", "notice", "nul", "options", "outcome", "owner", "ownerId", "page",
    "pageOf", "params", "path", "pending", "query", "referencedOwner", "refusals", "_request",
    "request", "response", "rest", "row", "rows", "run", "saved", "scope", "second", "seen",
    "serverOwned", "signInAs", "sortColumn", "state", "_state", "stranger", "submitted", "success",
    "token", "tokenOf", "unknownKey", "updated", "users", "value", "values", "withNul",
];

/// Components of the OpenAPI document that are not a resource's, with the part they belong to.
pub const COMPONENTS: &[(&str, Part)] = &[
    ("Problem", Part::Core),
    ("JsonValue", Part::Core),
    ("PresentJsonValue", Part::Core),
    ("Health", Part::Core),
    ("User", Part::Auth),
    ("AuthRegistration", Part::Auth),
    ("AuthCredentials", Part::Auth),
    ("AuthPasswordChange", Part::Auth),
    ("AuthToken", Part::Auth),
];
