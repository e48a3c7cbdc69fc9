// Every test file may write pages or mails without building the app (use cases, views): the words must be there.
import '../src/messages.ts';
