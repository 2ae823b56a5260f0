// Sample content for local development and the browser tests: enough to make the app look
// lived-in. Every record has a natural key so that seeding twice changes nothing.

export const SEED_PASSWORD = "roomful-dev-password";

export const seedUsers = [
  { username: "admin", name: "Ada Admin", email: "admin@roomful.local", role: "ADMIN", bio: "Keeps the lights on." },
  {
    username: "mod_maya",
    name: "Maya Okafor",
    email: "maya@roomful.local",
    role: "MODERATOR",
    bio: "Moderator. Ask me anything about the rules.",
  },
  {
    username: "alice",
    name: "Alice Johnson",
    email: "alice@roomful.local",
    role: "MEMBER",
    bio: "Python tinkerer and weekend climber.",
  },
  {
    username: "bob",
    name: "Bob Martínez",
    email: "bob@roomful.local",
    role: "MEMBER",
    bio: "Maths teacher. Calculus is a love language.",
  },
  {
    username: "chen",
    name: "Chen Wei",
    email: "chen@roomful.local",
    role: "MEMBER",
    bio: "Front-end developer, looking for the next role.",
  },
  {
    username: "dana",
    name: "Dana Kowalski",
    email: "dana@roomful.local",
    role: "MEMBER",
    bio: "Data analyst learning Rust.",
  },
] as const;

export type SeedUsername = (typeof seedUsers)[number]["username"];

export const seedTopics = [
  "Python",
  "JavaScript",
  "Calculus",
  "Job hunting",
  "Rust",
  "Design",
  "Machine learning",
  "Career change",
] as const;

export interface SeedRoom {
  slug: string;
  name: string;
  topic: (typeof seedTopics)[number];
  host: SeedUsername;
  description: string;
  /** Lines of conversation, each `username: text`. */
  script: string[];
}

export const seedRooms: SeedRoom[] = [
  {
    slug: "python-basics",
    name: "Python basics",
    topic: "Python",
    host: "alice",
    description:
      "New to Python? Ask anything: syntax, virtual environments, your first script. No question is too small.",
    script: [
      "alice: Welcome! What are you all working on this week?",
      "dana: Trying to understand list comprehensions. They look like magic.",
      "alice: Think of `[x * 2 for x in items]` as a for loop that collects results.",
      "chen: And you can filter too: `[x for x in items if x > 0]`.",
      "dana: Oh, that reads almost like English. Thanks!",
      "bob: Is it worth learning type hints early?",
      "alice: Yes. They cost little and your editor gets much smarter.",
      "dana: What's the difference between a tuple and a list?",
      "chen: Tuples can't change after you make them; lists can.",
      "alice: Use tuples for fixed records, lists for collections that grow.",
    ],
  },
  {
    slug: "async-python",
    name: "Async Python in practice",
    topic: "Python",
    host: "chen",
    description: "asyncio, trio, and when not to bother. Bring your event loop horror stories.",
    script: [
      "chen: Hot take: most scripts don't need asyncio at all.",
      "alice: Agreed, unless you're waiting on lots of network calls.",
      "dana: I used `asyncio.gather` to fetch 200 URLs and it went from 3 minutes to 8 seconds.",
      "chen: That's the sweet spot. Just remember to limit concurrency with a semaphore.",
      "alice: And never call blocking code inside a coroutine.",
      "dana: Learned that one the hard way with `time.sleep`.",
      "chen: `await asyncio.sleep()` is your friend.",
      "bob: This room makes me want to try it.",
    ],
  },
  {
    slug: "modern-javascript",
    name: "Modern JavaScript",
    topic: "JavaScript",
    host: "chen",
    description: "ES2024 and beyond: modules, iterators, temporal, and everything in between.",
    script: [
      "chen: Anyone using the new Set methods yet? `union`, `intersection`…",
      "alice: Yes! Finally no more spreading into arrays.",
      "dana: Is `structuredClone` safe to use everywhere now?",
      "chen: In every current browser and Node 17+, yes.",
      "alice: Top-level await in modules changed how I write scripts.",
      "chen: Same. Config loading is so much cleaner.",
      "dana: What about decorators?",
      "chen: Stage 3, TypeScript supports them. Still waiting on browsers.",
    ],
  },
  {
    slug: "react-server-components",
    name: "React Server Components Q&A",
    topic: "JavaScript",
    host: "alice",
    description: "Where does this code run? Server components, client components, and the boundary between them.",
    script: [
      "alice: The mental model that helped me: server components are the default, client components are islands.",
      "chen: And props crossing the boundary must be serialisable.",
      "dana: So no passing functions from server to client?",
      "alice: Right, except server actions, which are special.",
      "chen: Suspense boundaries make streaming feel instant.",
      "bob: I still don't get when to use `use client`.",
      "alice: When you need state, effects, or browser APIs. Otherwise leave it out.",
    ],
  },
  {
    slug: "calculus-study-group",
    name: "Calculus study group",
    topic: "Calculus",
    host: "bob",
    description: "Limits, derivatives, integrals. We work through problem sets together every Sunday.",
    script: [
      "bob: This week: the chain rule. Who wants to try d/dx of sin(x²)?",
      "dana: cos(x²) · 2x?",
      "bob: Exactly. Outer derivative times inner derivative.",
      "alice: I always forget the inner part.",
      "bob: Write the inner function down separately first. It helps.",
      "dana: What about integrals, is there a reverse chain rule?",
      "bob: That's u-substitution. Next week's topic!",
      "chen: Count me in for next Sunday.",
      "bob: Problem set is pinned in the description soon.",
    ],
  },
  {
    slug: "limits-and-continuity",
    name: "Limits and continuity",
    topic: "Calculus",
    host: "bob",
    description: "Epsilon-delta proofs without tears. Post your attempts and get gentle feedback.",
    script: [
      "bob: Start here: what does it mean for a function to be continuous at a point?",
      "dana: The limit equals the value?",
      "bob: Yes, and both must exist.",
      "alice: Epsilon-delta still feels like a magic trick to me.",
      "bob: Think of it as a game: you pick ε, I must find δ.",
      "dana: That framing actually helps.",
    ],
  },
  {
    slug: "job-hunting-2026",
    name: "Job hunting 2026",
    topic: "Job hunting",
    host: "chen",
    description: "Share leads, review each other's CVs, and keep each other going. Kindness required.",
    script: [
      "chen: Week 6 of searching. Two final rounds coming up!",
      "alice: That's great, good luck!",
      "dana: Any tips for take-home assignments?",
      "chen: Timebox them and write down what you'd do with more time.",
      "bob: And ask what they value: tests, docs, or speed.",
      "chen: Also: a short README with how to run it goes a long way.",
      "dana: Noted. Mine is due Friday.",
      "alice: Post it here if you want a second pair of eyes.",
    ],
  },
  {
    slug: "interview-practice",
    name: "Interview practice",
    topic: "Job hunting",
    host: "mod_maya",
    description: "Mock interviews, system design warm-ups and behavioural questions. Pair up and practise.",
    script: [
      "mod_maya: Mock interviews every Tuesday and Thursday evening. Sign up here!",
      "chen: I'd like a system design mock.",
      "mod_maya: Booked you for Thursday.",
      "dana: Behavioural questions scare me more than coding.",
      "mod_maya: Use STAR: situation, task, action, result. Practise three stories.",
      "alice: And keep each under two minutes.",
    ],
  },
  {
    slug: "rust-beginners",
    name: "Rust for beginners",
    topic: "Rust",
    host: "dana",
    description: "Fighting the borrow checker together. Share snippets, errors and small wins.",
    script: [
      "dana: Today I finally understood why `&mut` can only exist once.",
      "chen: The borrow checker is strict but it's right more often than not.",
      "dana: Lifetimes next. Wish me luck.",
      "alice: The Rust book's chapter 10 is really good for that.",
      "dana: `cargo clippy` just taught me three things in one run.",
      "chen: Clippy is the best teacher.",
      "bob: What's a good first project in Rust?",
      "dana: A command-line tool. I started with a word counter.",
      "chen: Then try parsing a file format you use every day.",
    ],
  },
  {
    slug: "ui-critique",
    name: "UI critique corner",
    topic: "Design",
    host: "alice",
    description: "Post a screenshot, get honest and constructive feedback on layout, type and colour.",
    script: [
      "alice: Here's my portfolio header. Too busy?",
      "chen: A little. Try one accent colour instead of three.",
      "dana: And more whitespace around the nav.",
      "alice: Updated! Much calmer.",
      "mod_maya: Remember to check contrast for accessibility.",
      "alice: Good call, the grey text was below 4.5:1.",
    ],
  },
  {
    slug: "ml-paper-club",
    name: "ML paper club",
    topic: "Machine learning",
    host: "dana",
    description: "One paper every two weeks, discussed in plain language. Currently reading about retrieval.",
    script: [
      "dana: This round: retrieval-augmented generation. Who's in?",
      "chen: Me. I'll read it this weekend.",
      "alice: Can someone explain embeddings like I'm five?",
      "dana: Each text becomes a point in space; similar texts land close together.",
      "alice: Oh, that's neat.",
      "bob: And distance is measured with cosine similarity, usually.",
      "dana: Exactly. Discussion on Friday!",
    ],
  },
  {
    slug: "switching-to-tech",
    name: "Switching careers into tech",
    topic: "Career change",
    host: "bob",
    description: "From teaching, nursing, finance and more: stories and practical steps from people who switched.",
    script: [
      "bob: Teacher here, thinking about moving into ed-tech.",
      "mod_maya: Teaching skills transfer really well to developer relations.",
      "dana: I came from accounting. SQL was my bridge.",
      "chen: Build something that solves a problem from your old job; it's a great portfolio story.",
      "bob: That's a great idea, a gradebook tool maybe.",
      "alice: Happy to review it when you have a first version.",
    ],
  },
  {
    slug: "data-visualisation",
    name: "Data visualisation",
    topic: "Design",
    host: "dana",
    description: "Charts that tell the truth. Tools, colour palettes, and critique of real dashboards.",
    script: [
      "dana: Pie charts: yes or no?",
      "chen: Only with three slices or fewer.",
      "alice: Bar charts almost always win.",
      "dana: What about colour-blind-friendly palettes?",
      "mod_maya: Viridis is a safe default.",
      "bob: Do you label lines directly or use a legend?",
      "dana: Direct labels whenever there's room. Legends make eyes jump.",
    ],
  },
  {
    slug: "weekend-side-projects",
    name: "Weekend side projects",
    topic: "Career change",
    host: "alice",
    description: "Show what you built this weekend, however small. Shipping beats perfect.",
    script: [
      "alice: Built a tiny CLI that renames my photos by date.",
      "chen: Nice! Python?",
      "alice: Yes, with pathlib. 40 lines.",
      "dana: I made a budget tracker in Rust. It compiles, so it's done.",
      "bob: Ha! I made flashcards for my students.",
    ],
  },
];
