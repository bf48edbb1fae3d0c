// Signed links for the contact's page; the console verifies what the mail activities sign.
export { type LinkRefusal, type LinkVerification, verifyNoticeLink, type VerifyLinkOptions } from './verify-notice-link';
export { signNoticeLink, type SignLinkOptions } from './sign-notice-link';
export { LINK_PURPOSE, type NoticeLinkClaims, NoticeLinkSubject, noticeLinkId } from './notice-link-claims';
export { MIN_LINK_SECRET_LENGTH } from './link-key';
