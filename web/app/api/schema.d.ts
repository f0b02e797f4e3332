/**
 * Hand-written from docs/foundation-contract.md until api/openapi.json exists.
 * Regenerate with `npm run -w web openapi:client` (openapi-typescript) once it does; loaders only refer to types
 * through paths (see app/lib/api.server.ts), so component names may change freely.
 */

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': components['schemas']['Problem'] } };
type Empty = { headers: { [name: string]: unknown }; content?: never };
type Body<T> = { content: { 'application/json': T } };
type Errors = { 400: Problem; 401: Problem; 403: Problem; 404: Problem; 409: Problem; 422: Problem; 429: Problem };

export interface paths {
  '/api/auth/register': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<components['schemas']['RegisterRequest']>;
      responses: { 201: Json<components['schemas']['AuthResponse']> } & Errors;
    };
  };
  '/api/auth/login': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ email: string; password: string }>;
      responses: { 200: Json<components['schemas']['AuthResponse']> } & Errors;
    };
  };
  '/api/auth/logout': {
    parameters: NoParams;
    post: { parameters: NoParams; requestBody?: never; responses: { 204: Empty } & Errors };
  };
  '/api/auth/password-reset': {
    parameters: NoParams;
    post: { parameters: NoParams; requestBody: Body<{ email: string }>; responses: { 202: Empty } & Errors };
  };
  '/api/auth/password-reset/confirm': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ token: string; password: string }>;
      responses: { 204: Empty } & Errors;
    };
  };
  '/api/invitations': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ email: string; locale?: 'ar' | 'en' | 'fr'; organizationId?: string; role?: 'manager' | 'staff' }>;
      responses: { 201: Json<{ id: string; email: string; expiresAt: string }> } & Errors;
    };
  };
  '/api/invitations/{token}': {
    parameters: NoParams;
    get: {
      parameters: { query?: never; header?: never; path: { token: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<components['schemas']['Invitation']> } & Errors;
    };
  };
  '/api/invitations/{token}/accept': {
    parameters: NoParams;
    post: {
      parameters: { query?: never; header?: never; path: { token: string }; cookie?: never };
      requestBody: Body<{
        password: string;
        nameLatin?: string;
        nameArabic?: string;
        locale?: 'ar' | 'en' | 'fr';
        timeZone?: string;
      }>;
      responses: { 201: Json<components['schemas']['AuthResponse']> } & Errors;
    };
  };
  '/api/me': {
    parameters: NoParams;
    get: { parameters: NoParams; requestBody?: never; responses: { 200: Json<components['schemas']['User']> } & Errors };
    patch: {
      parameters: NoParams;
      requestBody: Body<{ nameLatin?: string; nameArabic?: string; locale?: 'ar' | 'en' | 'fr'; timeZone?: string }>;
      responses: { 200: Json<components['schemas']['User']> } & Errors;
    };
  };
  '/api/me/password': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ currentPassword: string; newPassword: string }>;
      responses: { 204: Empty } & Errors;
    };
  };
  '/api/organizations': {
    parameters: NoParams;
    get: {
      parameters: {
        query?: { q?: string; country?: string; city?: string; kind?: string; page?: number; pageSize?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: Json<{ items: components['schemas']['Organization'][]; total: number; page: number; pageSize: number }>;
      } & Errors;
    };
    post: {
      parameters: NoParams;
      requestBody: Body<components['schemas']['CreateOrganizationRequest']>;
      responses: { 201: Json<components['schemas']['Organization']> } & Errors;
    };
  };
  '/api/organizations/{id}': {
    parameters: NoParams;
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<components['schemas']['Organization']> } & Errors;
    };
  };
  '/api/organizations/{id}/members': {
    parameters: NoParams;
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<{ items: components['schemas']['OrganizationMember'][] }> } & Errors;
    };
  };
  '/api/organizations/{id}/members/{userId}': {
    parameters: NoParams;
    patch: {
      parameters: { query?: never; header?: never; path: { id: string; userId: string }; cookie?: never };
      requestBody: Body<{ role: 'manager' | 'staff' }>;
      responses: { 200: Json<components['schemas']['OrganizationMember']> } & Errors;
    };
  };
}

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail?: string;
      code: string;
      errors?: { field: string; code: string; message: string }[];
    };
    LocalizedText: { ar?: string; en?: string; fr?: string };
    User: {
      id: string;
      email: string;
      nameLatin: string | null;
      nameArabic: string | null;
      locale: 'ar' | 'en' | 'fr';
      timeZone: string;
      isAdmin: boolean;
      organizations: { id: string; role: 'manager' | 'staff' }[];
      createdAt: string;
    };
    AuthResponse: { token: string; user: components['schemas']['User'] };
    RegisterRequest: {
      email: string;
      password: string;
      nameLatin?: string;
      nameArabic?: string;
      locale: 'ar' | 'en' | 'fr';
      timeZone: string;
    };
    Invitation: {
      email: string;
      organization: { id: string; name: string } | null;
      role: 'manager' | 'staff' | null;
      expiresAt: string;
    };
    Organization: {
      id: string;
      name: components['schemas']['LocalizedText'];
      displayName: string;
      kind: 'cso' | 'ngo' | 'funder' | 'network' | 'other';
      country: string;
      city: components['schemas']['LocalizedText'];
      displayCity: string;
      description: components['schemas']['LocalizedText'] | null;
      website: string | null;
    };
    CreateOrganizationRequest: {
      name: components['schemas']['LocalizedText'];
      kind: 'cso' | 'ngo' | 'funder' | 'network' | 'other';
      country: string;
      city: components['schemas']['LocalizedText'];
      description?: components['schemas']['LocalizedText'];
      website?: string;
    };
    OrganizationMember: {
      user: { id: string; email: string; nameLatin: string | null; nameArabic: string | null };
      role: 'manager' | 'staff';
      joinedAt: string;
    };
  };
}
