import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../auth/auth.decorators';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  name: string;
}

/** Every HTTP route the application registers, with the access rule it declares. */
export function registeredRoutes(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const version = Reflect.getMetadata('__version__', metatype);
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const base = typeof version === 'string' ? `/api/v${version}` : '/api';
      const full = `${base}/${[prefix, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const rule = Reflect.getMetadata(ACCESS_KEY, handler) ?? Reflect.getMetadata(ACCESS_KEY, metatype);
      routes.push({ method, path: full, rule, name: `${metatype.name}.${name}` });
    }
  }
  return routes;
}
