import "./registrations.css";
import type { Feature } from "../../app/feature.js";
import { EditRegistrationPage, NewRegistrationPage } from "./FormPages.js";
import { MyRegistrationsPage } from "./MyRegistrationsPage.js";
import { RegistrationPage } from "./RegistrationPage.js";
import { ReviewQueuePage } from "./ReviewQueuePage.js";
import { isHolderKind, isReviewer } from "./roles.js";

/** Resource registration (确权登记, PR-3): the holder's drafts and registrations, and one registration. */
export const registrationsFeature: Feature = {
  id: "registrations",
  routes: [
    { path: "/registrations", element: <MyRegistrationsPage />, requiresAuth: true },
    { path: "/registrations/new", element: <NewRegistrationPage />, requiresAuth: true },
    { path: "/registrations/:id", element: <RegistrationPage /> },
    { path: "/registrations/:id/edit", element: <EditRegistrationPage />, requiresAuth: true },
  ],
  nav: { to: "/registrations", labelKey: "registrations", order: 50, visible: isHolderKind },
};

/** The exchange reviewers' queue: formal review (形式审查), objections, closing notices. */
export const registrationReviewFeature: Feature = {
  id: "registration-review",
  routes: [{ path: "/review", element: <ReviewQueuePage />, requiresAuth: true }],
  nav: { to: "/review", labelKey: "registrationReview", order: 55, visible: isReviewer },
};
