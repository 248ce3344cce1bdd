import { Route, Routes } from "react-router";
import { RequireAuth } from "./app/auth.js";
import { Layout } from "./app/layout/Layout.js";
import { features } from "./features/index.js";
import { NotFoundPage } from "./features/not-found/NotFoundPage.js";

export function App() {
  return (
    <Routes>
      <Route element={<Layout features={features} />}>
        {features.flatMap((feature) =>
          feature.routes.map((route) => (
            <Route
              key={route.path}
              path={route.path}
              element={route.requiresAuth ? <RequireAuth>{route.element}</RequireAuth> : route.element}
            />
          )),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
