import { describeCatalogue } from "./catalogue";

describeCatalogue("production");
