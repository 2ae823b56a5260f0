// PostCSS runs Tailwind CSS 4 for every stylesheet Next.js builds.
const config = { plugins: { "@tailwindcss/postcss": {} } };
export default config;
