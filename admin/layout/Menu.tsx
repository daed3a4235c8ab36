import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Badge, Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';
import { useBadges } from '../dashboard/useDashboard';
import { FollowUpMenuItem } from '../follow-ups';
import { ReportsMenuItem } from '../reports';
import { CalendarMenuItem } from '../calendar';
import { SettingsMenuItem } from '../settings';
import { PrivacyMenuItem, RetentionMenuItem } from '../privacy';
import { WebFormInboxMenuItem } from '../support-requests/WebFormInbox';

// Daily casework first, reference and administration after the divider. Each item hides
// itself when the role may not list the resource.
const CASEWORK = ['support-requests'];
const CASEWORK_AFTER = ['activity-reports', 'expenses', 'clients', 'volunteers', 'id-checks', 'partners', 'messages'];
const ADMINISTRATION = ['staff', 'municipalities', 'closed-dates', 'audit-log'];

/** An import creates records, so the page is offered to roles that may create clients or volunteers. */
/** A phone request in one screen: find or register the resident, then the request. */
const NewPhoneRequestItem = () => {
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'create' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/support-requests/create" primaryText="menu.new_phone_request" leftIcon={<AddIcCallIcon />} />;
};

const UNSEEN_ANSWERS = { unseen_answer: true };

/**
 * The assignments list, named for what it holds: not 「マッチング」, which is a request's stage.
 * Its badge counts volunteers' answers by link that no coordinator has seen yet.
 */
const AssignmentsItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'assignments', action: 'list' });
  // The same GET /api/badges as the web-form inbox's badge (one request for both).
  const { data } = useBadges(!!canAccess);
  if (!canAccess) return null;
  const count = data?.unseen_answers ?? 0;
  return (
    <RaMenu.Item
      to={count ? `/assignments?filter=${encodeURIComponent(JSON.stringify(UNSEEN_ANSWERS))}` : '/assignments'}
      primaryText="menu.assignments"
      aria-label={count ? translate('menu.unseen_answers', { smart_count: count }) : undefined}
      leftIcon={
        <Badge badgeContent={count} color="error" max={99}>
          <AssignmentIndIcon />
        </Badge>
      }
    />
  );
};

const ImportItem = () => {
  const clients = useCanAccess({ resource: 'clients', action: 'create' });
  const volunteers = useCanAccess({ resource: 'volunteers', action: 'create' });
  if (!clients.canAccess && !volunteers.canAccess) return null;
  return <RaMenu.Item to="/imports" primaryText="imports.menu" leftIcon={<UploadFileIcon />} />;
};

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <NewPhoneRequestItem />
    <WebFormInboxMenuItem />
    {CASEWORK.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <AssignmentsItem />
    {CASEWORK_AFTER.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <FollowUpMenuItem />
    <ReportsMenuItem />
    <CalendarMenuItem />
    <Divider />
    <ImportItem />
    {ADMINISTRATION.map((name) => (
      <RaMenu.ResourceItem key={name} name={name} />
    ))}
    <SettingsMenuItem />
    <RetentionMenuItem />
    <PrivacyMenuItem />
  </RaMenu>
);
