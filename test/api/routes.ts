import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { ACCESS_RULE, type AccessRule } from '../../api/src/access/access.decorator';
import { UNPREFIXED_ROUTES } from '../../api/src/common/unprefixed-routes';

export interface DiscoveredRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Full path as Nest registers it, e.g. `/api/organizations/:id/members` (`/.well-known/jwks.json` has no prefix). */
  path: string;
  /** The same path in OpenAPI form: `/api/organizations/{id}/members`. */
  openApiPath: string;
  rule: AccessRule | undefined;
  handler: string;
}

const METHODS: Partial<Record<RequestMethod, DiscoveredRoute['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
};

function join(...parts: string[]): string {
  return `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
}

/**
 * Every route of every controller the app registered, with the `@Access` rule the guard will read (method rule
 * first, then the controller's). Read from Nest's own module container, so a new controller is walked without
 * anyone listing it here.
 */
export function discoverRoutes(app: NestFastifyApplication): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const methodPath = Reflect.getMetadata(PATH_METADATA, fn) as string | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (methodPath === undefined || requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`${controller.name}.${name}: method ${requestMethod} is not covered by the route tests`);
        const path = UNPREFIXED_ROUTES.includes(join(base, methodPath).slice(1)) ? join(base, methodPath) : join('api', base, methodPath);
        const rule = (Reflect.getMetadata(ACCESS_RULE, fn) ?? Reflect.getMetadata(ACCESS_RULE, controller)) as AccessRule | undefined;
        routes.push({ method, path, openApiPath: path.replace(/:(\w+)/g, '{$1}'), rule, handler: `${controller.name}.${name}` });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** A concrete URL for a route: ids become random UUIDs, tokens random well-formed tokens (nothing real). */
export function concretePath(route: DiscoveredRoute): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => (/token/i.test(name) ? 'A'.repeat(43) : name === 'n' ? '1' : randomUUID()));
}
