import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { ROLES, type Role } from '../../server/domain/enums';
import { FIELD_GROUPS } from '../../server/domain/privacy';
import { ACTIONS, canAccess, canSeeField, PERMISSIONS } from '../../server/domain/roles';
import { useSettings } from '../providers/useSettings';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** Who receives a group of a person's fields: those who may open the record and see at least one of them. */
const rolesSeeing = (resource: keyof typeof FIELD_GROUPS, fields: readonly string[]): Role[] =>
  ROLES.filter((role) => canAccess(role, resource, 'show') && fields.some((f) => canSeeField(role, resource, f)));

/** Lists read naturally in either language. */
const useJoin = () => {
  const [locale] = useLocaleState();
  return (items: string[], kind: 'list' | 'actions' = 'list') =>
    items.join(locale === 'ja' ? (kind === 'list' ? '、' : '・') : kind === 'list' ? ', ' : ' · ');
};

const HeldTable = ({ resource }: { resource: keyof typeof FIELD_GROUPS }) => {
  const translate = useTranslate();
  const join = useJoin();
  const groups: Record<string, readonly string[]> = FIELD_GROUPS[resource];
  return (
    <Box sx={{ overflowX: 'auto', mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {translate(`resources.${resource}.name`, { smart_count: 2 })}
      </Typography>
      <Table size="small" aria-label={translate(`resources.${resource}.name`, { smart_count: 2 })}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('privacy.page.group')}</TableCell>
            <TableCell>{translate('privacy.page.fields')}</TableCell>
            <TableCell>{translate('privacy.page.who')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(groups).map(([group, fields]) => (
            <TableRow key={group}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`privacy.groups.${group}`)}</TableCell>
              <TableCell>{join(fields.map((f) => translate(`resources.${resource}.fields.${f}`)))}</TableCell>
              <TableCell>{join(rolesSeeing(resource, fields).map((r) => translate(`enums.role.${r}`)))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The role table itself, one row per resource: what each role may do with it. */
const RolesTable = () => {
  const translate = useTranslate();
  const join = useJoin();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('privacy.page.roles')}>
        <TableHead>
          <TableRow>
            <TableCell />
            {ROLES.map((r) => (
              <TableCell key={r}>{translate(`enums.role.${r}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.keys(PERMISSIONS).map((resource) => (
            <TableRow key={resource}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`privacy.resources.${resource}`)}</TableCell>
              {ROLES.map((role) => {
                const actions = ACTIONS.filter((a) => canAccess(role, resource, a));
                return (
                  <TableCell key={role}>
                    {actions.length
                      ? join(
                          actions.map((a) => translate(`privacy.actions.${a}`)),
                          'actions',
                        )
                      : '—'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const STEPS = ['receive', 'identify', 'package', 'send', 'record'] as const;

/**
 * 個人情報の取り扱い: what is held, for how long, who can see what and how a disclosure request is
 * answered. The tables are generated from the role table, RESTRICTED_FIELDS and the settings.
 */
const PrivacyPage = () => {
  const translate = useTranslate();
  const { data: settings } = useSettings();
  return (
    <Card sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title="privacy.page.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('privacy.page.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('privacy.page.intro')}
        </Typography>
        <Section title="privacy.page.held">
          <HeldTable resource="clients" />
          <HeldTable resource="volunteers" />
          <Typography variant="body2">{translate('privacy.page.special_care')}</Typography>
        </Section>
        <Section title="privacy.page.how_long">
          {settings && (
            <Box component="ul" sx={{ mt: 0, pl: 3 }}>
              <li>{translate('privacy.page.keep_requests', { years: settings.retention_request_years })}</li>
              <li>{translate('privacy.page.keep_clients', { years: settings.retention_client_years })}</li>
              <li>{translate('privacy.page.keep_volunteers', { years: settings.retention_volunteer_years })}</li>
              <li>{translate('privacy.page.keep_audit', { years: settings.audit_retention_years })}</li>
            </Box>
          )}
          <Typography variant="body2">{translate('privacy.page.anonymise_keeps')}</Typography>
        </Section>
        <Section title="privacy.page.roles">
          <RolesTable />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('privacy.page.reads_audited')}
          </Typography>
        </Section>
        <Section title="privacy.page.disclosure">
          <Box component="ol" sx={{ mt: 0, pl: 3 }}>
            {STEPS.map((s) => (
              <Typography component="li" variant="body2" key={s} sx={{ mb: 0.5 }}>
                {translate(`privacy.steps.${s}`)}
              </Typography>
            ))}
          </Box>
        </Section>
      </CardContent>
    </Card>
  );
};

export default PrivacyPage;
