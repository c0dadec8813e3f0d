export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Confide is not for emergencies.</strong> If you need help now, call 999. For urgent help that is not
          an emergency, call 111.
        </p>
        <p>Confide is open-source telehealth software, built so that only the people caring for you can see your data.</p>
      </div>
    </footer>
  );
}
