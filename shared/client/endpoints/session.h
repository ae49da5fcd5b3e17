#pragma once

#include "client/apiclient.h"
#include "client/types/currentuser.h"
#include "client/types/organization.h"

namespace kai::client::session {

// Quay's browser sign-in (reference §1.2): GET /csrf_token starts a session
// cookie, POST /api/v1/signin {username, password} with X-CSRF-Token signs
// it in and rotates the token (X-Next-CSRF-Token), then GET /api/v1/user/
// says who we are. Wrong credentials finish with Quay's message.
Reply<CurrentUser> *signIn(ApiClient &client, const QString &username, const QString &password);

// A pasted OAuth access token as bearer: GET /api/v1/user/ checks it.
Reply<CurrentUser> *signInWithToken(ApiClient &client, const QString &token);

// GET /api/v1/user/
Reply<CurrentUser> *currentUser(ApiClient &client);

// PUT /api/v1/user/ {email?, tag_expiration_s?}: the own namespace's
// general settings.
Reply<Done> *updateSettings(ApiClient &client, const NamespaceSettings &settings);

// POST /api/v1/signin/verify {password}: the "Please Verify" fresh login.
Reply<Done> *verifyFreshLogin(ApiClient &client, const QString &password);

// POST /api/v1/signout (session only); the client forgets its credentials
// whatever the server says.
Reply<Done> *signOut(ApiClient &client);

} // namespace kai::client::session
