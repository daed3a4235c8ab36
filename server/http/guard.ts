import type { Request, RequestHandler } from 'express';
import { canAccess, type Action } from '../domain/roles.js';
import type { SessionStaff } from '../auth/session-store.js';
import { AppError, forbidden } from '../core/errors.js';
import './context.js';

/** Every API route passes through one of these: who may do what comes from the one role table. */
export function guard(resource: string, action: Action): RequestHandler {
  return (req, _res, next) => {
    if (!req.staff) return next(new AppError('unauthenticated', 'login_required'));
    if (!canAccess(req.staff.role, resource, action)) return next(forbidden());
    next();
  };
}

export const requireLogin: RequestHandler = (req, _res, next) => {
  next(req.staff ? undefined : new AppError('unauthenticated', 'login_required'));
};

/** The signed-in staff member; only call behind guard() or requireLogin. */
export function actor(req: Request): SessionStaff {
  if (!req.staff) throw new AppError('unauthenticated', 'login_required');
  return req.staff;
}
