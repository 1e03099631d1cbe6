export default function CheckEmailPage() {
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-4">
        If that address belongs to a member, a sign-in link is on its way. It expires in 15 minutes.
      </p>
    </main>
  );
}
