import type { Feature } from "../../app/feature.js";
import { MyParticipantPage, ParticipantPage } from "./ProfilePages.js";

export const participantsFeature: Feature = {
  id: "participants",
  routes: [
    { path: "/participants/me", element: <MyParticipantPage />, requiresAuth: true },
    { path: "/participants/:id", element: <ParticipantPage />, requiresAuth: true },
  ],
  nav: {
    to: "/participants/me",
    labelKey: "myParticipant",
    order: 20,
    visible: (auth) => auth.session !== null,
  },
};
