// The Chart.js pieces the chart components draw with, in a module of their own: the components
// import it (import()) when a chart first comes near the viewport, so a page carries chart.js only
// once one of its charts is about to be seen, and only these parts (no registerables).
export {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
